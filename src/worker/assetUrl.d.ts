/** Vite's `?url` imports: the emitted asset's URL (the worker's config has no vite/client types). */
declare module '*?url' {
  const url: string;
  export default url;
}
