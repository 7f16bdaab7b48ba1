// Asset imports resolved by Vite to URLs at build time.
declare module '*.wav' {
  const url: string;
  export default url;
}
