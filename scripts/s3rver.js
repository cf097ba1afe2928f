#!/usr/bin/env node
// Starts s3rver (an S3-compatible server on the local disk) for the tests:
//   node scripts/s3rver.js <node_modules folder> <port> <data folder>
// s3rver 3.7 lacks two multipart operations that real S3 has and that DocManager relies on to leave
// no parts behind: AbortMultipartUpload (DELETE ?uploadId=) and ListMultipartUploads (GET ?uploads).
// They are added here over s3rver's own layout (one folder per upload under the bucket's
// `._S3rver_uploads`), so the tests can prove that a failed upload was aborted.
'use strict';

const path = require('path');
const [modules, port, directory] = process.argv.slice(2);
const fs = require(path.join(modules, 'fs-extra'));
const S3rver = require(path.join(modules, 's3rver'));

const server = new S3rver({ address: '127.0.0.1', port: Number(port), directory, silent: false });
const uploadsOf = bucket => path.join(directory, bucket, '._S3rver_uploads');
const xml = body => `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
const escape = text => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function multipartExtras(ctx, next) {
  const match = /^\/([^/]+)\/?(.*)$/.exec(ctx.path);
  if (!match) return next();
  const [, bucket, key] = match;
  if (ctx.method === 'DELETE' && key && 'uploadId' in ctx.query) {
    const folder = path.join(uploadsOf(bucket), path.basename(String(ctx.query.uploadId)));
    if (!(await fs.pathExists(folder))) {
      ctx.status = 404;
      ctx.type = 'application/xml';
      ctx.body = xml('<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message></Error>');
      return undefined;
    }
    await fs.remove(folder);
    ctx.status = 204;
    return undefined;
  }
  if (ctx.method === 'GET' && !key && 'uploads' in ctx.query) {
    const ids = (await fs.pathExists(uploadsOf(bucket))) ? await fs.readdir(uploadsOf(bucket)) : [];
    const uploads = await Promise.all(ids.map(async id => {
      const uploadKey = await fs.readFile(path.join(uploadsOf(bucket), id, 'key'), 'utf8');
      return `<Upload><Key>${escape(uploadKey)}</Key><UploadId>${id}</UploadId></Upload>`;
    }));
    ctx.type = 'application/xml';
    ctx.body = xml(`<ListMultipartUploadsResult><Bucket>${escape(bucket)}</Bucket><IsTruncated>false</IsTruncated>${uploads.join('')}</ListMultipartUploadsResult>`);
    return undefined;
  }
  return next();
}

// Before s3rver's router (the last middleware), after its request logger (the first).
server.middleware.splice(server.middleware.length - 1, 0, multipartExtras);
server.run().then(
  address => console.log(`s3rver listening on ${address.address}:${address.port}`),
  error => {
    console.error(error);
    process.exit(1);
  },
);
