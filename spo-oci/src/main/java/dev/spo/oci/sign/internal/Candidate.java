package dev.spo.oci.sign.internal;

import java.util.Map;
import java.util.Objects;

/** A signature found next to a digest, not yet checked. */
public sealed interface Candidate permits Candidate.Legacy, Candidate.BundleCandidate {
  /** Where it was found, for results and rejection reasons. */
  String source();

  /** One layer of a legacy {@code .sig} manifest: the signed payload and the layer annotations. */
  record Legacy(String source, byte[] payload, Map<String, String> annotations) implements Candidate {
    public Legacy {
      Objects.requireNonNull(source, "source");
      payload = payload.clone();
      annotations = Map.copyOf(annotations);
    }

    @Override
    public byte[] payload() {
      return payload.clone();
    }
  }

  /** A Sigstore bundle stored as the single layer of a referrer manifest. */
  record BundleCandidate(String source, byte[] json) implements Candidate {
    public BundleCandidate {
      Objects.requireNonNull(source, "source");
      json = json.clone();
    }

    @Override
    public byte[] json() {
      return json.clone();
    }
  }
}
