package dev.spo.oci.internal;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body subscriber that keeps at most {@code limit} bytes. Past the limit it either
 * truncates (error bodies, which are only diagnostics) or stops reading and reports overflow, so a
 * hostile or broken registry cannot make us buffer more than we allow.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<BoundedBody.Result> {
  /** The bytes read, and whether the body was longer than the limit. */
  record Result(byte[] bytes, boolean overflow) {}

  private final long limit;
  private final boolean truncate;
  private final boolean rejectUpfront;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final CompletableFuture<Result> result = new CompletableFuture<>();
  private Flow.Subscription subscription;
  private boolean done;

  BoundedBody(long limit, boolean truncate, boolean rejectUpfront) {
    this.limit = limit;
    this.truncate = truncate;
    this.rejectUpfront = rejectUpfront;
  }

  @Override
  public CompletionStage<Result> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    this.subscription = s;
    if (rejectUpfront) {
      // The announced Content-Length is already too large: do not read a single byte of it.
      done = true;
      s.cancel();
      result.complete(new Result(new byte[0], true));
      return;
    }
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (done) {
      return;
    }
    for (ByteBuffer b : items) {
      int n = b.remaining();
      long room = limit - buffer.size();
      if (n > room) {
        byte[] part = new byte[(int) Math.max(0, room)];
        b.get(part);
        buffer.write(part, 0, part.length);
        done = true;
        subscription.cancel();
        result.complete(new Result(buffer.toByteArray(), !truncate));
        return;
      }
      byte[] chunk = new byte[n];
      b.get(chunk);
      buffer.write(chunk, 0, n);
    }
  }

  @Override
  public void onError(Throwable throwable) {
    if (!done) {
      done = true;
      result.completeExceptionally(throwable);
    }
  }

  @Override
  public void onComplete() {
    if (!done) {
      done = true;
      result.complete(new Result(buffer.toByteArray(), false));
    }
  }
}
