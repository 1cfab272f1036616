package dev.spo.oci;

import dev.spo.oci.sign.SignedArtifact;
import dev.spo.oci.sign.SigningOptions;
import dev.spo.oci.sign.SigstoreKeylessSigner;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Signs a registry artifact with {@link SigstoreKeylessSigner}, in its own JVM: sigstore-java
 * reaches Fulcio by gRPC over TLS and trusts it only through the JVM-wide {@code
 * javax.net.ssl.trustStore}, which must be set before the first TLS use, so the test forks.
 *
 * <p>Arguments: registryHost reference digest trustedRoot fulcioUrl rekorUrl tokenFile outFile
 */
public final class KeylessSignMain {
  private KeylessSignMain() {}

  public static void main(String[] args) throws Exception {
    try (RegistryClient client = RegistryClient.builder().plainHttp(args[0]).build();
        OciProfiles oci = OciProfiles.builder().registryClient(client).signaturePolicy(SignaturePolicy.insecureSkipVerification()).build();
        SigstoreKeylessSigner signer =
            SigstoreKeylessSigner.builder()
                .trustedRoot(Path.of(args[3]))
                .fulcioUrl(URI.create(args[4]))
                .rekorUrl(URI.create(args[5]))
                .identityTokenFile(Path.of(args[6]))
                .build()) {
      SignedArtifact signed = signer.sign(oci.repository(args[1]), args[2], SigningOptions.defaults());
      Files.writeString(Path.of(args[7]), signed.signer());
    }
  }
}
