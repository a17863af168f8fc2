package org.dicta.webhook;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.dicta.auth.Roles;
import org.dicta.web.ApiConfig;
import org.dicta.web.LanguageChoice;
import org.dicta.web.Page;
import org.dicta.web.PageParameters;
import org.dicta.web.PageRequest;
import org.dicta.web.Parameters;
import org.dicta.web.Responses;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.callbacks.Callback;
import org.eclipse.microprofile.openapi.annotations.callbacks.CallbackOperation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** Webhook subscriptions: subscribe, see and change one's own, rotate a secret, see deliveries and replay one. */
@Path("/api/v1/subscriptions")
@Tag(name = "Webhooks", description = "Subscriptions to changes of quotes, delivered as signed POSTs (Standard Webhooks) "
        + "to the subscriber's https endpoint. Each owner sees and manages only their own (admins all).")
@RolesAllowed({Roles.SUBSCRIBER, Roles.EDITOR, Roles.ADMIN})
public class SubscriptionResource {

    /** Subscriptions are private to their owner: no shared cache keeps them. */
    private static final String PRIVATE = "private, no-store";

    private final Subscriptions subscriptions;
    private final SecurityIdentity identity;
    private final ApiConfig api;

    SubscriptionResource(Subscriptions subscriptions, SecurityIdentity identity, ApiConfig api) {
        this.subscriptions = subscriptions;
        this.identity = identity;
        this.api = api;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSubscription", summary = "Subscribe to changes of quotes (subscribers, editors)",
            description = "Each change of a quote that meets the filter (created, corrected, retracted, or changed because "
                    + "something it shows changed) is POSTed to `url` as a `WebhookEvent`, signed with the secret in this "
                    + "answer (shown only here and at rotation). The URL must be https on a public address; a filter field "
                    + "Dicta does not know, an id that names nothing, or more than 100 ids is a 400, and nothing is stored.")
    @APIResponse(responseCode = "201", description = "Subscribed; `secret` is shown this once.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "409", description = "The owner holds the most subscriptions allowed.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    @Callback(name = "quoteChanged", callbackUrlExpression = "{$request.body#/url}", operations = @CallbackOperation(
            method = "post", summary = "A quote that the subscription follows changed",
            description = "Sent for each matching change, at least once and in order per subscription; retried with "
                    + "exponential backoff on any answer but 2xx, for a day. Verify `webhook-signature` with the "
                    + "subscription's secret before trusting the body (Standard Webhooks; see docs/webhooks.md), and use "
                    + "`webhook-id` to drop a message seen before.",
            parameters = {
                    @Parameter(name = "webhook-id", in = ParameterIn.HEADER, required = true,
                            description = "The message id: the same in every retry and replay of one message.",
                            schema = @Schema(type = SchemaType.STRING), example = "msg_5b0e4f0d9a6c4c2e8f1a3b7d9e2c4a61"),
                    @Parameter(name = "webhook-timestamp", in = ParameterIn.HEADER, required = true,
                            description = "When this attempt was signed, in seconds since 1970; refuse old ones.",
                            schema = @Schema(type = SchemaType.STRING), example = "1763836200"),
                    @Parameter(name = "webhook-signature", in = ParameterIn.HEADER, required = true,
                            description = "`v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` with the secret's key.",
                            schema = @Schema(type = SchemaType.STRING),
                            example = "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=")},
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WebhookMessage.class))),
            responses = {
                    @APIResponse(responseCode = "200", description = "Accepted (any 2xx)."),
                    @APIResponse(responseCode = "400", description = "Any other answer (3xx, 4xx, 5xx), or none within "
                            + "the timeout, is retried; redirects are not followed.")}))
    public RestResponse<SubscriptionView> create(@Valid @NotNull SubscriptionInput input, UriInfo uri) {
        SubscriptionView created = subscriptions.create(input, caller());
        return RestResponse.ResponseBuilder.<SubscriptionView>created(
                        uri.getBaseUriBuilder().path("api/v1/subscriptions/{id}").build(created.id()))
                .entity(created).header(HttpHeaders.CACHE_CONTROL, PRIVATE).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listSubscriptions", summary = "List your subscriptions",
            description = "Your subscriptions, oldest first (an admin sees everyone's); secrets are not shown.")
    public RestResponse<Page<SubscriptionView>> list() {
        return RestResponse.ResponseBuilder.ok(Page.whole(subscriptions.list(caller())))
                .header(HttpHeaders.CACHE_CONTROL, PRIVATE).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getSubscription", summary = "Get one of your subscriptions",
            description = "Another owner's subscription is 404, as one that does not exist.")
    public RestResponse<SubscriptionView> get(@Parameter(description = "Subscription id.",
            example = "sub_2b1f8c0e6a2d4e0b9d3c7a51f4e6b2c8") @RestPath String id) {
        return RestResponse.ResponseBuilder.ok(subscriptions.get(id, caller())).header(HttpHeaders.CACHE_CONTROL, PRIVATE).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceSubscription", summary = "Change a subscription, pause or resume it",
            description = "Replaces the target, filter and events, checked as at creation. `enabled: false` pauses it "
                    + "(changes made meanwhile are not sent later); `enabled: true` or none resumes it, also after it was "
                    + "disabled for failed deliveries: its pending deliveries then go out, in order.")
    public RestResponse<SubscriptionView> replace(@Parameter(description = "Subscription id.",
            example = "sub_2b1f8c0e6a2d4e0b9d3c7a51f4e6b2c8") @RestPath String id, @Valid @NotNull SubscriptionInput input) {
        return RestResponse.ResponseBuilder.ok(subscriptions.replace(id, input, caller()))
                .header(HttpHeaders.CACHE_CONTROL, PRIVATE).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteSubscription", summary = "Unsubscribe",
            description = "Deletes the subscription and its deliveries; nothing more is sent.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public RestResponse<Void> delete(@Parameter(description = "Subscription id.",
            example = "sub_2b1f8c0e6a2d4e0b9d3c7a51f4e6b2c8") @RestPath String id) {
        subscriptions.delete(id, caller());
        return RestResponse.noContent();
    }

    @POST
    @Path("{id}/secret")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rotateSubscriptionSecret", summary = "Rotate a subscription's secret",
            description = "A new secret, shown this once; every attempt from now on is signed with it.")
    @APIResponse(responseCode = "200", description = "The subscription with its new `secret`.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class)))
    public RestResponse<SubscriptionView> rotateSecret(@Parameter(description = "Subscription id.",
            example = "sub_2b1f8c0e6a2d4e0b9d3c7a51f4e6b2c8") @RestPath String id) {
        return RestResponse.ResponseBuilder.ok(subscriptions.rotateSecret(id, caller()))
                .header(HttpHeaders.CACHE_CONTROL, PRIVATE).build();
    }

    @GET
    @Path("{id}/deliveries")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listSubscriptionDeliveries", summary = "See a subscription's deliveries",
            description = "Every delivery, newest first, with its status, attempts, the last answer (status and the start "
                    + "of its body) or error, and when the next attempt is due.")
    public RestResponse<Page<DeliveryView>> deliveries(@Parameter(description = "Subscription id.",
            example = "sub_2b1f8c0e6a2d4e0b9d3c7a51f4e6b2c8") @RestPath String id, @BeanParam PageParameters page,
            UriInfo uri) {
        Parameters parameters = new Parameters();
        PageRequest request = parameters.page(page, api, "deliveries:" + id);
        Long before = null;
        if (request != null && request.after() != null) {
            try {
                before = Long.parseLong(request.after());
            } catch (NumberFormatException e) {
                parameters.reject("cursor", "is not a cursor of this list; use the `next` link of a previous page");
            }
        }
        parameters.throwIfInvalid();
        List<DeliveryView> rows = subscriptions.deliveries(id, caller(), before, request.rowsToFetch());
        RestResponse<Page<DeliveryView>> answer = Responses.page(rows, request, view -> Long.toString(view.id()),
                view -> view, uri, LanguageChoice.all(Map.of(), api.fallbackLanguage(), false));
        answer.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, PRIVATE);
        return answer;
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/replay")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaySubscriptionDelivery", summary = "Send a delivery again",
            description = "Queues the delivery's message again (same `webhook-id` and body, signed anew) after the "
                    + "subscription's other deliveries; answers the new delivery.")
    @APIResponse(responseCode = "202", description = "Queued.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
    public RestResponse<DeliveryView> replay(@Parameter(description = "Subscription id.",
            example = "sub_2b1f8c0e6a2d4e0b9d3c7a51f4e6b2c8") @RestPath String id,
            @Parameter(description = "Delivery id.", example = "812") @RestPath long deliveryId) {
        return RestResponse.ResponseBuilder.create(RestResponse.Status.ACCEPTED, subscriptions.replay(id, deliveryId, caller()))
                .header(HttpHeaders.CACHE_CONTROL, PRIVATE).build();
    }

    private Subscriptions.Caller caller() {
        return new Subscriptions.Caller(identity.getPrincipal().getName(), identity.hasRole(Roles.ADMIN));
    }
}
