import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { RequestHandler } from 'express';
import type { QueueHandles } from './queue-handles';

export const DASHBOARD_PATH = '/admin/queues';

/** bull-board's pages and API for every queue, to be mounted at DASHBOARD_PATH behind adminGate. */
export function queueDashboard(handles: QueueHandles): RequestHandler {
  const serverAdapter = new ExpressAdapter().setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: handles.queues.map((queue) => new BullMQAdapter(queue)),
    // @bull-board/express 9.10.1 carries its own copy of @bull-board/api: the same shape, other declarations.
    serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    options: { uiConfig: { boardTitle: 'Vliegwiel queues' } },
  });
  return serverAdapter.getRouter() as RequestHandler;
}
