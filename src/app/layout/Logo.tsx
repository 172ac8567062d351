/** The Chanscope mark: two task lanes and a value in flight (the same drawing as public/favicon.svg). */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false" className="logo">
      <rect width="32" height="32" rx="7" fill="var(--logo-bg)" />
      <path d="M6 11h14M6 21h20" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
      <circle cx="22" cy="11" r="3.5" fill="#fde68a" />
    </svg>
  );
}
