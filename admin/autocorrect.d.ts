/** AutoCorrect's WebAssembly build, loaded piece by piece by ./typography.ts (the package types only its entry). */
declare module '@huacnlee/autocorrect/autocorrect_bg.js' {
  export function __wbg_set_wasm(exports: WebAssembly.Exports): void;
  export function format(text: string): string;
  export function loadConfig(config: string): unknown;
}

declare module '@huacnlee/autocorrect/autocorrect_bg.wasm?url' {
  const url: string;
  export default url;
}
