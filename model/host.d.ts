// What model/ takes from the place it runs, beyond the ES library: every place it runs has these
// (the background worker, the extension's pages, Node 18 and later). Only model/tsconfig.json
// reads this file; the rest of the code has them from the DOM library.

/** Reads host names as browsers write them (host-name.ts). */
declare class URL {
  constructor(url: string, base?: string);
  readonly hostname: string;
}

declare function structuredClone<T>(value: T): T;
