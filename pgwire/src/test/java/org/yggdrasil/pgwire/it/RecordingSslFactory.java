package org.yggdrasil.pgwire.it;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSocket;
import org.postgresql.ssl.NonValidatingFactory;

/**
 * pgjdbc's non-validating SSL socket factory that remembers the sockets it made, so a test can
 * see that the connection really was wrapped in TLS and with which protocol. Use with {@code
 * sslfactory=org.yggdrasil.pgwire.it.RecordingSslFactory}.
 */
public final class RecordingSslFactory extends NonValidatingFactory {
  static final List<SSLSocket> SOCKETS = new CopyOnWriteArrayList<>();

  public RecordingSslFactory(String arg) throws GeneralSecurityException {
    super(arg);
  }

  @Override
  public Socket createSocket(Socket socket, String host, int port, boolean autoClose)
      throws IOException {
    Socket s = super.createSocket(socket, host, port, autoClose);
    SOCKETS.add((SSLSocket) s);
    return s;
  }
}
