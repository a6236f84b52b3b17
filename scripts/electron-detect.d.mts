export interface DetectFs {
  exists(p: string): boolean
  read(p: string): string
  mtimeMs(p: string): number
}
export function platformPath(platform: string): string | null
export function electronStatus(opts: {
  pkgDir: string | null
  env?: Record<string, string | undefined>
  platform?: string
  fs?: DetectFs
}): { available: true; bin: string } | { available: false; reason: string }
export const RETRY_AFTER_MS: number
export function shouldTryDownload(opts: { markerFile: string; now?: number; force?: boolean; fs?: DetectFs }): boolean
export function fallbackLine(reason: string): string
export function secureMemoryEnv(env?: Record<string, string | undefined>): Record<string, string | undefined>
