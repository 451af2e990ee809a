// String.prototype.isWellFormed (ES2024) is in Node 20; the project's TypeScript lib is
// ES2022, whose other ES2024 additions (Promise.withResolvers, Object.groupBy) Node 20 lacks.
interface String {
  /** Whether the string holds no lone surrogates. */
  isWellFormed(): boolean;
}
