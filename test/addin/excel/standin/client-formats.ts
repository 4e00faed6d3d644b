/**
 * Conditional formats in the stand-in: a range's collection holds the formats that intersect it, a new
 * one takes the top priority, and `custom` on a format of another type fails the request.
 */
import { ClientObject, Collection, HostError, type Context } from './client-base.js';
import { Range, type RangeTarget } from './client-objects.js';
import { intersects, type CondFormat, type SheetModel } from './model.js';

function owner(context: Context, cf: CondFormat): SheetModel | undefined {
  return context.model.sheets.find((s) => s.condFormats.includes(cf));
}

export class ConditionalFormatCollection extends Collection<CondFormat, ConditionalFormat> {
  constructor(
    context: Context,
    private readonly range: () => RangeTarget,
  ) {
    super(context, () => {
      const t = range();
      return t.sheet.condFormats.filter((cf) => intersects(cf.area, t.area));
    });
  }
  wrap(m: CondFormat): ConditionalFormat {
    return new ConditionalFormat(this.context, () => (owner(this.context, m) ? m : null));
  }
  add(type: string): ConditionalFormat {
    let created: CondFormat | null = null;
    this.context.queue(type, () => {
      const t = this.range();
      created = { id: this.context.model.nextId('cf'), type, area: { ...t.area }, formula: '', fill: undefined };
      t.sheet.condFormats.unshift(created);
    });
    return new ConditionalFormat(this.context, () => created);
  }
  getItem(id: string): ConditionalFormat {
    return new ConditionalFormat(this.context, () => this.target().find((cf) => cf.id === id) ?? null);
  }
  clearAll(): void {
    this.context.queue(undefined, () => {
      const t = this.range();
      for (const cf of this.target()) t.sheet.condFormats.splice(t.sheet.condFormats.indexOf(cf), 1);
    });
  }
}

export class ConditionalFormat extends ClientObject<CondFormat> {
  readonly scalars = ['id', 'type', 'priority', 'stopIfTrue'];
  readProp(cf: CondFormat, name: string): unknown {
    if (name === 'priority') return owner(this.context, cf)?.condFormats.indexOf(cf) ?? -1;
    return name === 'id' ? cf.id : name === 'type' ? cf.type : false;
  }
  get id(): string {
    return this.prop('id');
  }
  get type(): string {
    return this.prop('type');
  }
  get priority(): number {
    return this.prop('priority');
  }
  /** The range it applies to (ExcelApi 1.6); the stand-in keeps one range per format. */
  getRangeOrNullObject(): Range {
    return new Range(
      this.context,
      () => {
        const cf = this.target();
        const sheet = owner(this.context, cf);
        return sheet ? { sheet, area: { ...cf.area } } : null;
      },
      true,
    );
  }
  get custom(): CustomConditionalFormat {
    return new CustomConditionalFormat(this.context, () => {
      const cf = this.target();
      if (cf.type !== 'Custom')
        throw new HostError('InvalidOperation', `a ${cf.type} conditional format has no custom`);
      return cf;
    });
  }
  delete(): void {
    this.write(undefined, undefined, (cf) => {
      const list = owner(this.context, cf)?.condFormats;
      list?.splice(list.indexOf(cf), 1);
    });
  }
}

export class CustomConditionalFormat extends ClientObject<CondFormat> {
  readonly scalars: readonly string[] = [];
  readProp(): unknown {
    return undefined;
  }
  get rule(): ConditionalFormatRule {
    return new ConditionalFormatRule(this.context, this.locate);
  }
  get format(): { fill: ConditionalFill } {
    return { fill: new ConditionalFill(this.context, this.locate) };
  }
}

export class ConditionalFormatRule extends ClientObject<CondFormat> {
  readonly scalars = ['formula'];
  readProp(cf: CondFormat): unknown {
    return cf.formula;
  }
  get formula(): string {
    return this.prop('formula');
  }
  set formula(v: string) {
    this.write('formula', v, (cf) => {
      if (!v.startsWith('=')) throw new HostError('InvalidArgument', 'a formula starts with =');
      cf.formula = v;
    });
  }
}

export class ConditionalFill extends ClientObject<CondFormat> {
  readonly scalars = ['color'];
  readProp(cf: CondFormat): unknown {
    return cf.fill ?? null;
  }
  get color(): string {
    return this.prop('color');
  }
  set color(v: string) {
    this.write('color', v, (cf) => {
      cf.fill = v;
    });
  }
}
