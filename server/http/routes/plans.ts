import { Router } from 'express';
import type { Db } from '../../db/db.js';

export function plansRoutes(_db: Db): Router {
  return Router();
}
