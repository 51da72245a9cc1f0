import { useEffect, useRef } from 'react';

/**
 * The server's report fragment (<article class="jixiao-report">) with the report's own CSS, inside a
 * shadow root: the GB/T 9704 styles cannot leak into the app, and antd's cannot change the report.
 * The HTML is the server's rendering, in which every piece of report text is escaped.
 */
export function ReportPreview({ html, css }: { html: string; css: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = css;
    const page = document.createElement('div');
    page.className = 'jixiao-report-page';
    page.innerHTML = html;
    root.replaceChildren(style, page);
  }, [html, css]);
  return <div ref={host} data-testid="report-preview" />;
}
