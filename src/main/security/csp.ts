/**
 * The renderer's Content-Security-Policy: nothing by default, our own scripts/styles/fonts/images,
 * and — in browser mode only — fetch/EventSource back to the loopback origin it was served from and
 * blob: frames, so a PDF our own script made can be printed from a hidden frame (in Electron the
 * main process prints). No inline scripts, no eval, no remote content, no objects.
 */
export function contentSecurityPolicy(opts: { connectSelf: boolean; pdfFrames?: boolean }): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    // React sets style attributes; inline <style> is not used.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${opts.connectSelf ? "'self'" : "'none'"}`,
    "media-src 'none'",
    "object-src 'none'",
    `frame-src ${opts.pdfFrames ? 'blob:' : "'none'"}`,
    "worker-src 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
    "base-uri 'none'"
  ].join('; ')
}
