// How a newsroom's service checks a Dicta webhook before trusting it: the Standard Webhooks signature over
// "webhook-id.webhook-timestamp.body" with the subscription's secret, then the body as the generated client's type.
// Type-checked in strict mode by .ci/run, and run against a delivery that Dicta really made (verify-sample.ts).
import { Webhook } from "standardwebhooks";
import { WebhookEventFromJSON, type WebhookEvent } from "../../target/generated-clients/typescript";

/**
 * The event, once its signature is verified with the secret shown when the subscription was made (`whsec_…`).
 * Throws WebhookVerificationError for a wrong signature or a timestamp more than five minutes away: answer 400 then.
 * `body` must be the raw request body, exactly as received.
 */
export function verifyDictaWebhook(secret: string, headers: Record<string, string>, body: string): WebhookEvent {
  const json = new Webhook(secret).verify(body, headers);
  return WebhookEventFromJSON(json);
}
