/** The layout every tab of the pane shares: its parts in one column, evenly spaced. */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useTabStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalS,
  },
});
