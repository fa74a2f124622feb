import type { FastifyInstance } from 'fastify';
import type { Platform } from '../platform/context';
import { authRoutes } from './auth/auth.routes';
import { orgRoutes } from './org/org.routes';

/** Every feature room registers its routes here. */
export async function registerFeatures(app: FastifyInstance, p: Platform): Promise<void> {
  await authRoutes(app, p);
  await orgRoutes(app, p);
}
