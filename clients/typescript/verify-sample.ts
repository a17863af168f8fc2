// Verifies a delivery that Dicta made in its webhook test (target/webhook-sample.json: the secret, the headers and the
// raw body the test's receiver got) with verifyDictaWebhook and with verifyWebhook (node:crypto only); then tampered
// copies of it, which both must refuse.
import { readFileSync } from "fs";
import { WebhookVerificationError } from "standardwebhooks";
import { verifyDictaWebhook } from "./webhook";
import { verifyWebhook } from "./webhook-node";

interface Sample {
  secret: string;
  headers: Record<string, string>;
  body: string;
}

const sample: Sample = JSON.parse(readFileSync(process.argv[2], "utf8"));
// The delivery was made earlier in the build: verify it at the time it was sent, as its receiver did.
const sentAt = Number(sample.headers["webhook-timestamp"]) * 1000;
Date.now = () => sentAt;

const event = verifyDictaWebhook(sample.secret, sample.headers, sample.body);
if (!event.type.startsWith("quote.") || !event.data.quote.id) {
  throw new Error(`unexpected event: ${sample.body}`);
}
console.log(`verified ${sample.headers["webhook-id"]}: ${event.type} of quote ${event.data.quote.id}`);

try {
  verifyDictaWebhook(sample.secret, sample.headers, sample.body.replace(event.data.quote.id, `${event.data.quote.id}x`));
  throw new Error("a tampered body was accepted");
} catch (e) {
  if (!(e instanceof WebhookVerificationError)) {
    throw e;
  }
  console.log("a tampered body is refused");
}

const tampered = sample.body.replace(event.data.quote.id, `${event.data.quote.id}x`);
if (!verifyWebhook(sample.secret, sample.headers, sample.body)) {
  throw new Error("the node:crypto check refused a genuine delivery");
}
if (verifyWebhook(sample.secret, sample.headers, tampered)
    || verifyWebhook(`whsec_${Buffer.alloc(24).toString("base64")}`, sample.headers, sample.body)) {
  throw new Error("the node:crypto check accepted a tampered body or another secret");
}
console.log("the node:crypto check agrees");
