/*
 * The part of the WebAssembly JavaScript API the sandbox uses, for the Node type-check only:
 * @types/node 20 leaves WebAssembly to the DOM library, which Node code must not pull in. The
 * browser configs (app, worker) take these from their own DOM or WebWorker library instead.
 */
declare namespace WebAssembly {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Module {}
  interface MemoryDescriptor {
    initial: number;
    maximum?: number;
  }
  interface Memory {
    readonly buffer: ArrayBuffer;
    grow(delta: number): number;
  }
  // eslint-disable-next-line no-var
  var Memory: { prototype: Memory; new (descriptor: MemoryDescriptor): Memory };
  function compile(bytes: ArrayBufferView | ArrayBuffer): Promise<Module>;
}
