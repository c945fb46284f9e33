import type { SVGProps } from 'react';

// Inline SVG icons: emoji glyphs depend on the viewer's fonts (headless Linux often has none), SVG never does.
type IconProps = SVGProps<SVGSVGElement> & { className?: string };

function Outline({ className = 'size-5', children, ...rest }: IconProps) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      className={className}
      {...rest}
    >
      {children}
    </svg>
  );
}

export const CheckIcon = (props: IconProps) => (
  <Outline {...props}>
    <path d="M5 13l4 4L19 7" />
  </Outline>
);
export const XIcon = (props: IconProps) => (
  <Outline {...props}>
    <path d="M6 6l12 12M18 6L6 18" />
  </Outline>
);
export const UploadIcon = (props: IconProps) => (
  <Outline {...props}>
    <path d="M4 16v2a2 2 0 002 2h12a2 2 0 002-2v-2M12 15V4M7 9l5-5 5 5" />
  </Outline>
);
export const DocumentIcon = (props: IconProps) => (
  <Outline {...props}>
    <path d="M7 3h7l5 5v11a2 2 0 01-2 2H7a2 2 0 01-2-2V5a2 2 0 012-2z" />
    <path d="M14 3v5h5M9 13h6M9 17h4" />
  </Outline>
);
export const ChartIcon = (props: IconProps) => (
  <Outline {...props}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 3v9l6.4 6.4" />
  </Outline>
);
export const UsersIcon = (props: IconProps) => (
  <Outline {...props}>
    <path d="M16 20v-1a4 4 0 00-4-4H7a4 4 0 00-4 4v1M9.5 11a3.5 3.5 0 100-7 3.5 3.5 0 000 7zM21 20v-1a4 4 0 00-3-3.87M16 4.13a3.5 3.5 0 010 6.74" />
  </Outline>
);
export const CoinsIcon = (props: IconProps) => (
  <Outline {...props}>
    <circle cx="12" cy="12" r="9" />
    <path d="M14.5 9h-3.25a1.75 1.75 0 000 3.5h1.5a1.75 1.75 0 010 3.5H9.5M12 7v2M12 16v1" />
  </Outline>
);
export const HashIcon = (props: IconProps) => (
  <Outline {...props}>
    <path d="M5 9h14M5 15h14M10 4L8 20M16 4l-2 16" />
  </Outline>
);
export const DollarIcon = (props: IconProps) => (
  <Outline {...props}>
    <path d="M12 3v18M16.5 7H10a2.5 2.5 0 000 5h4a2.5 2.5 0 010 5H7" />
  </Outline>
);
export const FolderIcon = (props: IconProps) => (
  <Outline {...props}>
    <path d="M3 7a2 2 0 012-2h4l2 2h8a2 2 0 012 2v8a2 2 0 01-2 2H5a2 2 0 01-2-2z" />
  </Outline>
);
export const ReceiptIcon = (props: IconProps) => (
  <Outline {...props}>
    <path d="M6 3h12v18l-3-2-3 2-3-2-3 2zM9 8h6M9 12h6" />
  </Outline>
);
export const CompassIcon = (props: IconProps) => (
  <Outline {...props}>
    <circle cx="12" cy="12" r="9" />
    <path d="M15.5 8.5l-2 5-5 2 2-5z" />
  </Outline>
);
export const PlusIcon = (props: IconProps) => (
  <Outline {...props}>
    <path d="M12 5v14M5 12h14" />
  </Outline>
);
export const ClockIcon = (props: IconProps) => (
  <Outline {...props}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7v5l3 2" />
  </Outline>
);
export const BanIcon = (props: IconProps) => (
  <Outline {...props}>
    <circle cx="12" cy="12" r="9" />
    <path d="M5.6 5.6l12.8 12.8" />
  </Outline>
);
export const WarningIcon = (props: IconProps) => (
  <Outline {...props}>
    <path d="M12 9v4M12 17h.01M10.3 3.9L2.4 18a2 2 0 001.7 3h15.8a2 2 0 001.7-3L13.7 3.9a2 2 0 00-3.4 0z" />
  </Outline>
);
