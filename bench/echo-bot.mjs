// Reference peer for the benchmark: the smallest botbuilder 4.23 bot that answers a Teams message.
//
//   PORT=3978 node echo-bot.mjs        -> POST http://127.0.0.1:3978/api/messages
//
// - CloudAdapter + ConfigurationBotFrameworkAuthentication with no MicrosoftAppId: the SDK's
//   anonymous mode. An inbound request without an Authorization header is accepted with an
//   anonymous identity, and outbound calls carry no Authorization header (AppCredentials only
//   fetches a token when an app id is set: botframework-connector/lib/auth/appCredentials.js
//   shouldSetToken()). In 4.23 AppCredentials.isTrustedServiceUrl() always returns true and
//   trustServiceUrl() is a no-op, so a plain-http loopback serviceUrl needs no extra setting.
// - Plain node:http, no restify/express: CloudAdapter.process() only needs req.method,
//   req.headers, an already-parsed req.body, and a response with status/header/send/end.
// - Replies with context.sendActivity('Echo: <text>'), i.e. a POST to
//   {serviceUrl}v3/conversations/{conversation.id}/activities/{activity.id}.
import http from 'node:http';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';

const port = Number(process.env.PORT || 3978);
const host = process.env.HOST || '127.0.0.1';

const auth = new ConfigurationBotFrameworkAuthentication({
  MicrosoftAppId: '',
  MicrosoftAppPassword: '',
  MicrosoftAppType: 'MultiTenant',
});
const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (context, error) => {
  console.error(`[onTurnError] ${error?.stack || error}`);
};

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}
const bot = new EchoBot();

// Minimal response shim with the shape CloudAdapter expects (restify/express-like).
function wrapResponse(res) {
  let status = 200;
  let body;
  return {
    status(code) { status = code; return this; },
    header(name, value) { res.setHeader(name, value); return this; },
    send(b) { body = b; return this; },
    end() {
      if (res.writableEnded) return;
      if (body === undefined || body === null) {
        res.writeHead(status, { 'content-length': 0 });
        res.end();
      } else {
        const text = typeof body === 'string' ? body : JSON.stringify(body);
        res.writeHead(status, {
          'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(text),
        });
        res.end(text);
      }
    },
  };
}

const server = http.createServer((req, res) => {
  const path = (req.url || '').split('?')[0];
  if (path !== '/api/messages') {
    res.writeHead(404, { 'content-length': 0 });
    res.end();
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    let parsed;
    try {
      parsed = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
    } catch {
      res.writeHead(400, { 'content-length': 0 });
      res.end();
      return;
    }
    const request = { method: req.method, headers: req.headers, body: parsed };
    try {
      await adapter.process(request, wrapResponse(res), (context) => bot.run(context));
    } catch (err) {
      console.error(`[process] ${err?.stack || err}`);
      if (!res.headersSent) {
        res.writeHead(500, { 'content-length': 0 });
        res.end();
      }
    }
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, host, () => {
  console.log(`echo-bot (botbuilder CloudAdapter, anonymous) listening on http://${host}:${port}/api/messages`);
});

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}
