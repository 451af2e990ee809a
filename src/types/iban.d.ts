declare module 'iban' {
  interface Specification {
    countryCode: string;
    length: number;
    structure: string;
    example: string;
  }
  const IBAN: {
    isValid(iban: string): boolean;
    electronicFormat(iban: string): string;
    printFormat(iban: string, separator?: string): string;
    countries: Record<string, Specification>;
  };
  export default IBAN;
}
