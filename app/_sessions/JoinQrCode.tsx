'use client';
// A QR code of the join page's URL (with the code in it), drawn in the
// browser by the `qrcode` library as inline SVG: nothing loads from elsewhere.
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

export function JoinQrCode({ url }: { url: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#12355b', light: '#ffffff' } }).then((markup) => {
      if (live) setSvg(markup);
    });
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <figure className="join-qr">
      {/* The library's own SVG markup of a URL we built: no user HTML goes in. */}
      {svg ? <div role="img" aria-label={`QR code for ${url}`} dangerouslySetInnerHTML={{ __html: svg }} /> : <div className="join-qr-placeholder" />}
      <figcaption>Scan to join</figcaption>
    </figure>
  );
}
