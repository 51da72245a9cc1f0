import type pg from 'pg';

/**
 * `COPY … FROM STDIN` over a `pg` client, without pg-copy-streams: a Submittable that answers the
 * server's CopyInResponse with the data and CopyDone, and settles on ReadyForQuery. These are the
 * hooks pg's Client calls on its active query (client.js: _handleCopyInResponse, _handleCommandComplete,
 * _handleErrorMessage, _handleReadyForQuery); the data goes in 64 KiB CopyData messages.
 */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

export function copyFrom(client: pg.Client, statement: string, data: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    let failure: unknown;
    const submittable = {
      submit(connection: CopyConnection) {
        connection.query(statement);
      },
      handleCopyInResponse(connection: CopyConnection) {
        const bytes = Buffer.from(data, 'utf8');
        for (let offset = 0; offset < bytes.length; offset += 65_536) connection.sendCopyFromChunk(bytes.subarray(offset, offset + 65_536));
        connection.endCopyFrom();
      },
      handleCommandComplete(message: { text: string }) {
        rows = Number(message.text.split(' ').at(-1));
      },
      handleError(error: unknown) {
        failure = error;
        reject(error);
      },
      handleReadyForQuery() {
        if (!failure) resolve(rows);
      },
      handleRowDescription() {},
      handleDataRow() {},
      handleEmptyQuery() {},
      handleCopyData() {},
      handlePortalSuspended() {},
    };
    client.query(submittable as unknown as pg.Submittable);
  });
}
