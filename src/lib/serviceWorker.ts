/** Temporary scaffold: replaced by the real service-worker registration. */
export function registerServiceWorker(): void {}
