import type { OutputLang } from '@shared/domain/interview/types'

/** Voice tags per output language: 普通话 zh-CN (cmn), 粵語 zh-HK (yue). */
const TAGS: Record<OutputLang, RegExp> = {
  'zh-CN': /^(zh[-_]CN|cmn|zh[-_]Hans)/i,
  'yue-HK': /^(zh[-_]HK|yue|zh[-_]yue)/i
}

export function findVoice(lang: OutputLang, voices: SpeechSynthesisVoice[]): SpeechSynthesisVoice | null {
  return voices.find((v) => TAGS[lang].test(v.lang)) ?? null
}

/** The voices the system has, waiting briefly for them to load (Chromium fills them lazily). */
export function loadVoices(timeoutMs = 1500): Promise<SpeechSynthesisVoice[]> {
  const synth = typeof speechSynthesis === 'undefined' ? null : speechSynthesis
  if (!synth) return Promise.resolve([])
  const now = synth.getVoices()
  if (now.length) return Promise.resolve(now)
  return new Promise((resolve) => {
    const done = () => resolve(synth.getVoices())
    synth.addEventListener('voiceschanged', done, { once: true })
    setTimeout(done, timeoutMs)
  })
}

export function speak(text: string, voice: SpeechSynthesisVoice, onEnd: () => void): void {
  speechSynthesis.cancel()
  const u = new SpeechSynthesisUtterance(text)
  u.voice = voice
  u.lang = voice.lang
  u.rate = 0.9
  u.onend = onEnd
  u.onerror = onEnd
  speechSynthesis.speak(u)
}

export function stopSpeaking(): void {
  if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel()
}
