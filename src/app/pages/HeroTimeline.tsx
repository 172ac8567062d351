/**
 * The home page's picture: a small, hand-drawn timeline of the kind the site draws for every run —
 * main spawns two workers, one hands back its value, the other is still blocked when main returns.
 * Decorative (the text beside it says the same), so it is hidden from assistive technology.
 */
export function HeroTimeline() {
  const lanes = [
    { y: 40, name: "main" },
    { y: 92, name: "worker-1" },
    { y: 144, name: "worker-2" },
  ];
  return (
    <svg className="hero-timeline" viewBox="0 0 440 220" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="439" height="219" rx="14" className="hero-timeline__frame" />
      {lanes.map((l) => (
        <g key={l.name}>
          <text x="20" y={l.y + 5} className="hero-timeline__label">
            {l.name}
          </text>
          <line x1="100" x2="420" y1={l.y} y2={l.y} className="hero-timeline__track" />
        </g>
      ))}
      {/* main: runs, waits on select, runs again, returns */}
      <rect x="100" y="32" width="40" height="16" rx="4" className="hero-timeline__run" />
      <rect x="140" y="32" width="120" height="16" rx="4" className="hero-timeline__wait" />
      <rect x="260" y="32" width="50" height="16" rx="4" className="hero-timeline__run" />
      <circle cx="314" cy="40" r="5" className="hero-timeline__end" />
      {/* worker-1: runs, sends, exits */}
      <rect x="130" y="84" width="130" height="16" rx="4" className="hero-timeline__run" />
      <circle cx="264" cy="92" r="5" className="hero-timeline__end" />
      {/* worker-2: runs, then blocked on send forever: the leak */}
      <rect x="134" y="136" width="60" height="16" rx="4" className="hero-timeline__run" />
      <rect x="194" y="136" width="226" height="16" rx="4" className="hero-timeline__leak" />
      <defs>
        <pattern id="hero-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="8" height="8" className="hero-timeline__leak-bg" />
          <line x1="0" y1="0" x2="0" y2="8" className="hero-timeline__hatch" />
        </pattern>
        <marker id="hero-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0 0L10 5L0 10z" className="hero-timeline__arrowhead" />
        </marker>
      </defs>
      {/* spawns and the hand-off */}
      <path d="M126 48 C126 70 130 70 130 82" className="hero-timeline__spawn" markerEnd="url(#hero-arrow)" />
      <path d="M132 48 C132 110 134 118 134 134" className="hero-timeline__spawn" markerEnd="url(#hero-arrow)" />
      <path d="M260 84 L260 50" className="hero-timeline__send" markerEnd="url(#hero-arrow)" />
      <text x="268" y="72" className="hero-timeline__note">
        value
      </text>
      <text x="204" y="176" className="hero-timeline__note hero-timeline__note--leak">
        leaked: blocked on chan send
      </text>
      <line x1="100" x2="420" y1="196" y2="196" className="hero-timeline__axis" />
      {[0, 100, 200, 300].map((ms, i) => (
        <text key={ms} x={100 + i * 100} y="212" className="hero-timeline__tick">
          {ms} ms
        </text>
      ))}
    </svg>
  );
}
