import helmet from 'helmet';

/**
 * The headers that tell a browser what the app's pages may do (helmet). The built app loads
 * only its own files: scripts, the import's worker (a file of its own, not a blob:), no fonts or
 * images from elsewhere. MUI and emotion write their styles inline, so inline styles are allowed;
 * inline scripts, eval and plugins are not. No page may frame the app (clickjacking).
 */
export function securityHeaders({ https }: { https: boolean }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        workerSrc: ["'self'"],
        // no upgrade-insecure-requests (a helmet default): on a plain-HTTP intranet address the
        // browser would ask for the app's own files over HTTPS, which nothing answers
      },
    },
    // HSTS only where the server is reached over HTTPS (HUIWU_SECURE_COOKIE), and only for its own host
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
