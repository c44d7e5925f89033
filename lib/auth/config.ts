import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { LOGIN_ERROR_CODES } from "@/lib/account-security/two-factor";
import { logIn } from "@/lib/dal/login";
import { countLoginFailure } from "@/lib/server/metrics";
import { openBrowserSession, SESSION_MAX_AGE_SECONDS } from "@/lib/dal/sessions";
import { log } from "@/lib/server/log";
import { safeRedirectUrl } from "@/lib/safe-redirect";
import { credentialsSchema } from "@/lib/validation/account";
import { revokeTokenSession } from "./logout";
import { originFromHeaders } from "./request-origin";
import { authSecret } from "./secret";

/**
 * next-auth v5 with one Credentials provider. The browser sends the master password hash it derived
 * (DESIGN §4), never the password. Sessions are JWTs carrying the user id, security stamp and the id of the session
 * row the login opened; every request re-checks them against the database (lib/auth/session.ts), so logging out
 * (which revokes the row) ends that session and rotating the stamp ends every session of the account.
 * Once two-step login is on, a login also needs `twoFactorCode`; without a valid one the sign-in fails with a code
 * the login form recognises (next-auth hands a CredentialsSignin's `code` to the browser) and no session is made.
 */
class TooManyAttempts extends CredentialsSignin {
  override code = LOGIN_ERROR_CODES.tooManyAttempts;
}

class TwoFactorRequired extends CredentialsSignin {
  override code = LOGIN_ERROR_CODES.twoFactorRequired;
}

class InvalidTwoFactorCode extends CredentialsSignin {
  override code = LOGIN_ERROR_CODES.invalidTwoFactorCode;
}

class TooManyTwoFactorCodes extends CredentialsSignin {
  override code = LOGIN_ERROR_CODES.tooManyTwoFactorCodes;
}

class ServerBusy extends CredentialsSignin {
  override code = LOGIN_ERROR_CODES.serverBusy;
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  // A wrong password is an ordinary answer (and an event in the log), not a server error with a stack trace.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
      log.error({ err: { name: error.name, message: error.message } }, "authentication error");
    },
    warn(code) {
      log.warn({ code }, "authentication warning");
    },
    debug() {},
  },
  providers: [
    Credentials({
      id: "credentials",
      credentials: {
        email: { type: "email" },
        masterPasswordHash: { type: "password" },
        twoFactorCode: { type: "text" },
      },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const outcome = await logIn(parsed.data, originFromHeaders(request.headers), openBrowserSession);
        if (outcome.ok) return { ...outcome.user, sessionId: outcome.session };
        if (outcome.reason !== "two_factor_required") countLoginFailure(outcome.reason);
        if (outcome.reason === "too_many_attempts") throw new TooManyAttempts();
        if (outcome.reason === "two_factor_required") throw new TwoFactorRequired();
        if (outcome.reason === "invalid_two_factor_code") throw new InvalidTwoFactorCode();
        if (outcome.reason === "too_many_two_factor_codes") throw new TooManyTwoFactorCodes();
        if (outcome.reason === "server_busy") throw new ServerBusy();
        return null;
      },
    }),
  ],
  callbacks: {
    // next-auth's callbackUrl (a form field, or a cookie) goes through the same check as the pages' redirects.
    redirect({ url, baseUrl }) {
      return safeRedirectUrl(url, baseUrl);
    },
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.stamp = user.securityStamp;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.securityStamp = token.stamp;
      session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    async signOut(message) {
      if ("token" in message) await revokeTokenSession(message.token);
    },
  },
});
