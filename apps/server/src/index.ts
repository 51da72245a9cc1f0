export { loadConfig } from './config.ts';
export { connect, type Database } from './db/connect.ts';
export { buildApp } from './http/app.ts';
export { start } from './main.ts';
export { PdfRenderer } from './reports/pdf.ts';
export { createRoutes } from './routes.ts';
