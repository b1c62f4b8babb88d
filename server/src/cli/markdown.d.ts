// A markdown page imported by a module is its text: scripts/build.mjs bundles `.md` with esbuild's text loader.
declare module '*.md' {
  const text: string;
  export default text;
}
