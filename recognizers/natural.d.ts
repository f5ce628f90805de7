// Types for the few natural@8 submodules we import directly: importing 'natural' itself costs about
// 1.3 s and pulls in database drivers and dotenv (see the shared Bot Framework notes beside the repository).
declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const PorterStemmer: { stem(token: string): string };
  export = PorterStemmer;
}

declare module 'natural/lib/natural/distance/levenshtein_distance' {
  interface DistanceOptions {
    insertion_cost?: number;
    deletion_cost?: number;
    substitution_cost?: number;
    transposition_cost?: number;
  }
  export function DamerauLevenshteinDistance(
    source: string,
    target: string,
    options?: DistanceOptions,
  ): number;
  export function LevenshteinDistance(source: string, target: string, options?: DistanceOptions): number;
}

declare module 'natural/lib/natural/distance/jaro-winkler_distance' {
  function JaroWinklerDistance(s1: string, s2: string, options?: { ignoreCase?: boolean }): number;
  export = JaroWinklerDistance;
}

declare module 'natural/lib/natural/stemmers/porter_stemmer_es' {
  const PorterStemmerEs: { stem(token: string): string };
  export = PorterStemmerEs;
}
