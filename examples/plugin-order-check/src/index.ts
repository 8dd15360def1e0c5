/**
 * @zhijian/plugin-order-check: an example zhijian plugin with one rule type. Load it with
 * `zhijian score … --plugin @zhijian/plugin-order-check` (or a path to this package), or list it
 * under `plugins` in zhijian.config.json. A pack that uses the type declares
 * `"plugins": ["@zhijian/plugin-order-check"]`; the pack itself never loads code.
 */
import { definePlugin } from '@zhijian/core';
import orderConfirmedBeforeRefund from './order-confirmed-before-refund.js';

/** Kept equal to package.json's version by index.test.ts. */
export const version = '0.1.0';

export { orderConfirmedBeforeRefund };
export type { OrderConfirmedBeforeRefundOptions } from './order-confirmed-before-refund.js';

export default definePlugin({
  name: '@zhijian/plugin-order-check',
  version,
  ruleTypes: [orderConfirmedBeforeRefund],
});
