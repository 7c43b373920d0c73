import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import { errorResponse } from '../errors.ts';
import { assetSecurityHeaders, crossOriginAccess, originGuard, pageSecurityHeaders, type OriginPolicy } from '../security.ts';
import type { WebAssets } from '../web-assets.ts';

/**
 * The chat page (/), its iframe form (/embed), a demo intranet page (/demo), the admin page (/admin), the widget script
 * and the files they load. No build step: web/ is served as written, compressed, with ETags.
 */
export function webRoutes(assets: WebAssets, policy: OriginPolicy, options: { adminPage?: boolean } = {}) {
  // Middleware is attached route by route: a sub-app's app.use('*') would also wrap the API's routes.
  const compressed = compress();
  const app = new Hono();
  app.get('/', compressed, pageSecurityHeaders('app', policy), (context) => send(context, assets, 'index.html'));
  app.get('/embed', compressed, pageSecurityHeaders('embed', policy), (context) => send(context, assets, 'index.html'));
  app.get('/demo', compressed, pageSecurityHeaders('demo', policy), (context) => send(context, assets, 'demo.html'));
  // The library and each document's full text (/documents/tj-2023-3#2.2, linked from the source panel).
  app.get('/documents', compressed, pageSecurityHeaders('app', policy), (context) => send(context, assets, 'documents.html'));
  app.get('/documents/:id', compressed, pageSecurityHeaders('app', policy), (context) => send(context, assets, 'documents.html'));
  // The admin page exists only where the admin API does (ADMIN_TOKEN set); it is never framed.
  if (options.adminPage) app.get('/admin', compressed, pageSecurityHeaders('app', policy), (context) => send(context, assets, 'admin.html'));
  // A classic script any page may load; what it loads next (the chat modules) is checked below.
  app.get('/widget.js', compressed, assetSecurityHeaders(), (context) => send(context, assets, 'widget.js'));
  app.get('/assets/:name', compressed, originGuard(policy), crossOriginAccess(policy), assetSecurityHeaders(), (context) => send(context, assets, `assets/${context.req.param('name')}`));
  return app;
}

function send(context: Context, assets: WebAssets, path: string) {
  const asset = assets.get(path);
  if (!asset) return errorResponse(context, 404, 'not_found', `No file ${path}`);
  // Small files that change with each release: revalidate every time, and answer 304 when unchanged.
  context.header('Cache-Control', 'no-cache');
  context.header('ETag', asset.etag);
  // Compression weakens the tag to W/"…" on the way out; a browser sends it back in that form.
  const cached = context.req.header('if-none-match')?.split(',').map((tag) => tag.trim().replace(/^W\//u, ''));
  if (cached?.includes(asset.etag)) return context.body(null, 304);
  context.header('Content-Type', asset.contentType);
  return context.body(asset.body);
}
