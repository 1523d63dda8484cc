// Tests read response bodies loosely: each assertion states what it expects of them.
declare global {
  interface Response {
    json(): Promise<any>;
  }
}
export {};
