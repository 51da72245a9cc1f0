import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { zhErrorMap } from '@jixiao/core';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authRoutes } from '../auth/auth.routes.ts';
import type { Config } from '../config.ts';
import type { Deps } from '../context.ts';
import { installJobQueue } from '../jobs/job-queue.ts';
import { notFoundPage } from '../public/public-pages.ts';
import { installErrorHandler } from './error-handler.ts';
import { installSession } from './session-plugin.ts';
import { installTextGuard } from './text-guard.ts';

export interface AppOptions {
  /** Built SPA to serve at /, if present. */
  readonly webRoot?: string | undefined;
  readonly logger?: boolean;
}

export type RouteModule = (deps: Deps) => (app: FastifyInstance) => Promise<void>;

// Request validation messages are Chinese everywhere (the same wording as the workbook parser).
z.config({ localeError: zhErrorMap });

/** Builds the application: plugins, hooks and every route. Listening is the caller's business. */
export async function buildApp(deps: Deps, routes: readonly RouteModule[], options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // request.ip (login throttle, sessions, audit) is the socket address unless a configured proxy forwarded it.
    trustProxy: deps.config.TRUST_PROXY,
    bodyLimit: 20 * 1024 * 1024,
    logger: options.logger
      ? {
          level: deps.config.LOG_LEVEL,
          redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
        }
      : false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // First, so every answer carries the headers, the refusals of the session hook included.
  await app.register(fastifyHelmet, securityHeaders(deps.config));
  // The SPA's JavaScript is ~2.3 MB raw and ~0.75 MB compressed; API lists compress well too.
  await app.register(fastifyCompress, { global: true, threshold: 2048, encodings: ['br', 'gzip'] });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: deps.config.ATTACHMENT_MAX_MB * 1024 * 1024, files: 1 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Jixiao 绩效 API',
        version: '0.1.0',
        description:
          '预算绩效管理系统 API。所有失败都返回 {code, message, details, requestId}。写操作需在 x-csrf-token 头中携带登录时返回的安全令牌。',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'jx_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  installErrorHandler(app);
  installJobQueue(app, deps);
  installSession(app, deps);
  installTextGuard(app);

  app.get('/api/health', { config: { public: true }, schema: { hide: true } }, async () => ({ ok: true }));
  await app.register(authRoutes(deps));
  for (const route of routes) await app.register(route(deps));

  if (options.webRoot && existsSync(options.webRoot)) {
    await app.register(fastifyStatic, { root: options.webRoot, wildcard: false, cacheControl: false, setHeaders: setCacheHeaders });
  }
  installSpaFallback(app, options.webRoot);
  return app;
}

/**
 * Vite writes only content-hashed files under /assets/, so a browser may keep those for good and a
 * reload costs no request; index.html and the rest are revalidated every time, so a new release is
 * seen at once.
 */
function setCacheHeaders(reply: { header(name: string, value: string): unknown }, path: string): void {
  const hashed = /[\\/]assets[\\/][^\\/]+$/.test(path);
  reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/**
 * The browser-side defences (docs/security.md): scripts only from this origin, no plugins, no
 * framing, no MIME sniffing, the path never leaked to other sites. Styles allow 'unsafe-inline'
 * because antd's CSS-in-JS, Swagger UI and the published report pages write style elements and
 * attributes; scripts never need it. HSTS only once cookies are secure, i.e. behind HTTPS: sent
 * over plain HTTP it would lock a LAN deployment out of its own address.
 */
function securityHeaders(config: Config): Parameters<typeof fastifyHelmet>[1] {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // ECharts exports charts as data: URLs; antd and Swagger UI draw icons as data: SVG.
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: config.cookieSecure ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
    // Cross-origin isolation would refuse nothing we embed today but also buys nothing; leave it off.
    crossOriginEmbedderPolicy: false,
  };
}

/** The path of a URL as a person typed it: percent-escapes decoded where they decode. */
function readablePath(url: string): string {
  const path = url.split('?')[0] ?? url;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Deep links into the SPA get index.html; unknown /api paths stay JSON 404s. */
function installSpaFallback(app: FastifyInstance, webRoot: string | undefined): void {
  const hasSpa = webRoot !== undefined && existsSync(`${webRoot}/index.html`);
  app.setNotFoundHandler((request, reply) => {
    if (hasSpa && request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/public/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    // The public site is read by people, not programs: its missing pages answer its own styled page.
    if (
      request.method === 'GET' &&
      (request.url === '/public' || request.url.startsWith('/public/') || request.url.startsWith('/public?'))
    ) {
      return reply
        .status(404)
        .type('text/html; charset=utf-8')
        .send(notFoundPage(`没有这个公开页面：${readablePath(request.url)}`));
    }
    return reply
      .status(404)
      .send({ code: 'NOT_FOUND', message: `没有这个地址：${request.method} ${request.url}`, details: null, requestId: request.id });
  });
}
