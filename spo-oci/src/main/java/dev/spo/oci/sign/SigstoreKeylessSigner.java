package dev.spo.oci.sign;

import dev.sigstore.AlgorithmRegistry;
import dev.sigstore.KeylessSigner;
import dev.sigstore.KeylessSignerException;
import dev.sigstore.TrustedRootProvider;
import dev.sigstore.bundle.Bundle;
import dev.sigstore.oidc.client.OidcClients;
import dev.sigstore.oidc.client.TokenStringOidcClient;
import dev.sigstore.rekor.client.RekorEntry;
import dev.sigstore.trustroot.SigstoreSigningConfig;
import dev.sigstore.trustroot.SigstoreTrustedRoot;
import dev.spo.oci.OciRepository;
import dev.spo.oci.internal.Digests;
import dev.spo.oci.internal.Json;
import dev.spo.oci.sign.internal.Keys;
import dev.spo.oci.sign.internal.SignatureWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Keyless signing through sigstore-java's {@code KeylessSigner}: an ephemeral key, a Fulcio
 * certificate for the OIDC identity, and a Rekor v1 entry. Fulcio and Rekor URLs are
 * configurable (private or air-gapped Sigstore); sigstore-java talks gRPC over TLS to Fulcio and
 * checks the returned certificate and log entry against the trusted root before we publish.
 *
 * <p>The legacy {@code .sig} form is what {@code cosign sign} (2.x) writes: certificate, chain and
 * SET bundle annotations. sigstore-java 2.0.0 cannot make DSSE bundles against a Rekor v1 log
 * ({@code attest} needs Rekor v2 and a timestamp authority), so the referrer form is a Sigstore
 * bundle with a <em>message signature over the subject manifest</em> (its SHA-256 is the digest):
 * {@link CosignVerifier} and sigstore-js verify it, cosign 3 does not (it requires DSSE).
 *
 * <p>The identity token comes, in this order, from {@link Builder#identityToken}, {@link
 * Builder#identityTokenFile} or the {@code SIGSTORE_ID_TOKEN} environment variable; it is read
 * for every signature (tokens are short-lived) and never logged.
 */
public final class SigstoreKeylessSigner implements ArtifactSigner, AutoCloseable {
  private final KeylessSigner signer;
  private final String description;

  private SigstoreKeylessSigner(KeylessSigner signer, String description) {
    this.signer = signer;
    this.description = description;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public SignedArtifact sign(OciRepository repository, String digest, SigningOptions options) {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(options, "options");
    return SignatureWriter.publish(repository, digest, options, new Backend());
  }

  /** Closes sigstore-java's connections. */
  @Override
  public void close() {
    signer.close();
  }

  @Override
  public String toString() {
    return description;
  }

  private Bundle signDigest(byte[] sha256) {
    try {
      return signer.sign(sha256);
    } catch (KeylessSignerException | RuntimeException e) {
      // sigstore-java also lets unchecked gRPC and parsing exceptions escape.
      throw new SignatureException("keyless signing failed: " + e.getMessage(), e);
    }
  }

  /** One backend per signing call: it keeps the bundle of its last signature for the annotations. */
  private final class Backend implements SignatureWriter.Backend {
    private @Nullable Bundle last;
    private String signer = "keyless";

    @Override
    public String signer() {
      return signer;
    }

    @Override
    public byte[] sign(byte[] data) {
      Bundle b = signDigest(Keys.sha256(data));
      last = b;
      signer = identity(b);
      return b.getMessageSignature().orElseThrow(() -> new SignatureException("sigstore-java returned no message signature")).getSignature();
    }

    @Override
    public Map<String, String> legacyAnnotations(byte[] payload, byte[] signature) {
      Bundle b = Objects.requireNonNull(last, "sign first");
      List<? extends Certificate> certs = b.getCertPath().getCertificates();
      StringBuilder chain = new StringBuilder();
      for (int i = 1; i < certs.size(); i++) {
        chain.append(pem(certs.get(i)));
      }
      RekorEntry e = entry(b);
      Map<String, Object> payloadJson = new LinkedHashMap<>();
      payloadJson.put("body", e.getBody());
      payloadJson.put("integratedTime", e.getIntegratedTime());
      payloadJson.put("logIndex", e.getLogIndex());
      payloadJson.put("logID", e.getLogID());
      Map<String, Object> bundle = new LinkedHashMap<>();
      bundle.put("SignedEntryTimestamp", e.getVerification().getSignedEntryTimestamp());
      bundle.put("Payload", payloadJson);
      Map<String, String> ann = new LinkedHashMap<>();
      ann.put(dev.spo.oci.sign.internal.CosignFormats.ANN_CERTIFICATE, pem(certs.get(0)));
      if (chain.length() > 0) {
        ann.put(dev.spo.oci.sign.internal.CosignFormats.ANN_CHAIN, chain.toString());
      }
      ann.put(dev.spo.oci.sign.internal.CosignFormats.ANN_BUNDLE, new String(Json.write(bundle), StandardCharsets.UTF_8));
      return ann;
    }

    @Override
    public Map<String, Object> bundleMaterial(byte[] statement, byte[] signature) {
      throw new SignatureException("sigstore-java 2.0.0 cannot make DSSE bundles against a Rekor v1 log");
    }

    @Override
    public SignatureWriter.ReferrerBundle referrerBundle(String name, String digest, byte[] subjectManifest) {
      Bundle b = signDigest(HexFormat.of().parseHex(Digests.hex(digest)));
      signer = identity(b);
      return new SignatureWriter.ReferrerBundle(messageBundleJson(b, digest), "message-signature");
    }
  }

  private static RekorEntry entry(Bundle b) {
    if (b.getEntries().isEmpty() || b.getEntries().get(0).getVerification().getSignedEntryTimestamp() == null) {
      throw new SignatureException("the transparency log returned no signed entry timestamp");
    }
    return b.getEntries().get(0);
  }

  private static String identity(Bundle b) {
    try {
      return dev.spo.oci.sign.internal.CertIdentity.of((X509Certificate) b.getCertPath().getCertificates().get(0)).subject();
    } catch (dev.spo.oci.sign.internal.Reject e) {
      return "keyless";
    }
  }

  private static String pem(Certificate c) {
    try {
      return Keys.toPem("CERTIFICATE", c.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new SignatureException("unencodable certificate from Fulcio", e);
    }
  }

  /**
   * Our own bundle writer: sigstore-java's {@code Bundle.toJson()} refuses inclusion proofs with
   * index 0 and no hashes (valid for a tree of size 1, which private and test logs produce).
   */
  private static byte[] messageBundleJson(Bundle b, String digest) {
    RekorEntry e = entry(b);
    HexFormat hex = HexFormat.of();
    Base64.Encoder b64 = Base64.getEncoder();
    Map<String, Object> tlog = new LinkedHashMap<>();
    tlog.put("logIndex", Long.toString(e.getLogIndex()));
    tlog.put("logId", Map.of("keyId", b64.encodeToString(hex.parseHex(e.getLogID()))));
    tlog.put("kindVersion", Map.of("kind", "hashedrekord", "version", "0.0.1"));
    tlog.put("integratedTime", Long.toString(e.getIntegratedTime()));
    tlog.put("inclusionPromise", Map.of("signedEntryTimestamp", e.getVerification().getSignedEntryTimestamp()));
    RekorEntry.InclusionProof p = e.getVerification().getInclusionProof();
    if (p != null) {
      List<String> hashes = new ArrayList<>();
      for (String h : p.getHashes()) {
        hashes.add(b64.encodeToString(hex.parseHex(h)));
      }
      Map<String, Object> proof = new LinkedHashMap<>();
      proof.put("logIndex", Long.toString(p.getLogIndex()));
      proof.put("rootHash", b64.encodeToString(hex.parseHex(p.getRootHash())));
      proof.put("treeSize", Long.toString(p.getTreeSize()));
      proof.put("hashes", hashes);
      proof.put("checkpoint", Map.of("envelope", p.getCheckpoint()));
      tlog.put("inclusionProof", proof);
    }
    tlog.put("canonicalizedBody", e.getBody());
    Map<String, Object> vm = new LinkedHashMap<>();
    try {
      vm.put("certificate", Map.of("rawBytes", b64.encodeToString(b.getCertPath().getCertificates().get(0).getEncoded())));
    } catch (CertificateEncodingException ex) {
      throw new SignatureException("unencodable certificate from Fulcio", ex);
    }
    vm.put("tlogEntries", List.of(tlog));
    Map<String, Object> md = new LinkedHashMap<>();
    md.put("algorithm", "SHA2_256");
    md.put("digest", b64.encodeToString(hex.parseHex(Digests.hex(digest))));
    Map<String, Object> ms = new LinkedHashMap<>();
    ms.put("messageDigest", md);
    ms.put("signature", b64.encodeToString(b.getMessageSignature().orElseThrow().getSignature()));
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("mediaType", dev.spo.oci.sign.internal.CosignFormats.BUNDLE_V03);
    doc.put("verificationMaterial", vm);
    doc.put("messageSignature", ms);
    return Json.write(doc);
  }

  /** Builder for {@link SigstoreKeylessSigner}. */
  public static final class Builder {
    private @Nullable Path trustedRoot;
    private @Nullable URI fulcio;
    private @Nullable URI rekor;
    private boolean publicGood;
    private @Nullable String token;
    private @Nullable Path tokenFile;
    private Function<String, @Nullable String> env = System::getenv;

    private Builder() {}

    /** The {@code trusted_root.json} of the Sigstore instance (its CA, CT log and Rekor keys). */
    public Builder trustedRoot(Path file) {
      this.trustedRoot = Objects.requireNonNull(file, "file");
      return this;
    }

    /** Fulcio's gRPC endpoint, e.g. {@code https://fulcio.example:5554} (TLS; trusted through the JVM trust store). */
    public Builder fulcioUrl(URI url) {
      this.fulcio = Objects.requireNonNull(url, "url");
      return this;
    }

    /** Rekor's base URL, e.g. {@code https://rekor.example}. */
    public Builder rekorUrl(URI url) {
      this.rekor = Objects.requireNonNull(url, "url");
      return this;
    }

    /** The public-good Sigstore (Fulcio, Rekor and trust root through TUF); online only. */
    public Builder publicGoodInstance() {
      this.publicGood = true;
      return this;
    }

    /** The OIDC identity token itself. */
    public Builder identityToken(String value) {
      this.token = Objects.requireNonNull(value, "token");
      return this;
    }

    /** A file holding the OIDC identity token (re-read for every signature). */
    public Builder identityTokenFile(Path file) {
      this.tokenFile = Objects.requireNonNull(file, "file");
      return this;
    }

    /** Where {@code SIGSTORE_ID_TOKEN} is looked up (the process environment by default); for tests. */
    Builder environment(Function<String, @Nullable String> lookup) {
      this.env = Objects.requireNonNull(lookup, "lookup");
      return this;
    }

    /**
     * Builds the signer (sigstore-java reads the trust and signing configuration now).
     *
     * @throws SignatureException when the configuration is incomplete or unusable
     */
    public SigstoreKeylessSigner build() {
      String fixedToken = token;
      Path file = tokenFile;
      Function<String, @Nullable String> lookup = env;
      if (fixedToken == null && file == null && lookup.apply("SIGSTORE_ID_TOKEN") == null) {
        throw new SignatureException("no OIDC identity token: pass one, a token file, or set SIGSTORE_ID_TOKEN");
      }
      TokenStringOidcClient.TokenStringProvider provider =
          () -> {
            if (fixedToken != null) {
              return fixedToken;
            }
            if (file != null) {
              return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            String v = lookup.apply("SIGSTORE_ID_TOKEN");
            if (v == null) {
              throw new IllegalStateException("SIGSTORE_ID_TOKEN is not set");
            }
            return v.strip();
          };
      KeylessSigner.Builder b =
          KeylessSigner.builder()
              .forceCredentialProviders(OidcClients.of(TokenStringOidcClient.from(provider)))
              .signingAlgorithm(AlgorithmRegistry.SigningAlgorithm.PKIX_ECDSA_P256_SHA_256);
      String where;
      if (publicGood) {
        b.sigstorePublicDefaults();
        where = "public-good";
      } else {
        if (trustedRoot == null || fulcio == null || rekor == null) {
          throw new SignatureException("a private Sigstore needs a trusted root, a Fulcio URL and a Rekor URL");
        }
        byte[] root = read(trustedRoot);
        byte[] config = signingConfig(fulcio, rekor);
        b.trustedRootProvider((TrustedRootProvider) () -> SigstoreTrustedRoot.from(new ByteArrayInputStream(root)));
        b.signingConfigProvider(() -> SigstoreSigningConfig.from(new ByteArrayInputStream(config)));
        where = "fulcio=" + fulcio + " rekor=" + rekor;
      }
      try {
        return new SigstoreKeylessSigner(b.build(), "SigstoreKeylessSigner[" + where + "]");
      } catch (Exception e) {
        throw new SignatureException("cannot configure keyless signing: " + e.getMessage(), e);
      }
    }

    private static byte[] read(Path file) {
      try {
        return Files.readAllBytes(file);
      } catch (IOException e) {
        throw new SignatureException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }

    /** A signing_config v0.2 naming only our services (the OIDC entry is unused: tokens are forced). */
    private static byte[] signingConfig(URI fulcio, URI rekor) {
      Map<String, Object> validFor = Map.of("start", "2000-01-01T00:00:00Z");
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("mediaType", "application/vnd.dev.sigstore.signingconfig.v0.2+json");
      doc.put("caUrls", List.of(Map.of("url", fulcio.toString(), "majorApiVersion", 1, "validFor", validFor)));
      doc.put("oidcUrls", List.of(Map.of("url", "https://oidc.invalid", "majorApiVersion", 1, "validFor", validFor)));
      doc.put("rekorTlogUrls", List.of(Map.of("url", rekor.toString(), "majorApiVersion", 1, "validFor", validFor)));
      doc.put("tsaUrls", List.of());
      doc.put("rekorTlogConfig", Map.of("selector", "ANY"));
      doc.put("tsaConfig", Map.of("selector", "ANY"));
      return Json.write(doc);
    }
  }
}
