import { Router } from 'express';
import type { Db } from '../../db/db.js';

export function reportsRoutes(_db: Db): Router {
  return Router();
}
