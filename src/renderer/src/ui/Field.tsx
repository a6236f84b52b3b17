import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react'
import { NO_AUTOFILL } from './no-autofill'

export function Field({
  label,
  hint,
  children,
  error
}: {
  label: ReactNode
  hint?: ReactNode
  error?: ReactNode
  children: (id: string) => ReactNode
}) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint ? <div className="hint">{hint}</div> : null}
      {error ? <div className="field-error" role="alert">{error}</div> : null}
    </div>
  )
}

export function TextInput({ label, hint, error, ...rest }: InputHTMLAttributes<HTMLInputElement> & { label: ReactNode; hint?: ReactNode; error?: ReactNode }) {
  return <Field label={label} hint={hint} error={error}>{(id) => <input id={id} {...rest} {...NO_AUTOFILL} />}</Field>
}

export function TextArea({ label, hint, error, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: ReactNode; hint?: ReactNode; error?: ReactNode }) {
  return <Field label={label} hint={hint} error={error}>{(id) => <textarea id={id} {...rest} {...NO_AUTOFILL} />}</Field>
}
