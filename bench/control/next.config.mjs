// The bench's control: a bare Next page built with the app's own next and
// react and the build options of the app's next.config.ts that decide what the
// browser is sent (standalone output, strict mode, no x-powered-by), and no
// app code. Every page-weight and Lighthouse figure is a ratio to it.
// build.mjs builds it outside the project folder (Turbopack would otherwise
// take the project's proxy.ts and instrumentation.ts as its own), so the
// roots are the file system's.
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  output: "standalone",
  turbopack: { root: "/" },
  outputFileTracingRoot: "/",
};

export default nextConfig;
