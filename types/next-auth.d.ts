import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    securityStamp?: string;
    /** The user_sessions row a login opened (lib/dal/sessions.ts). */
    sessionId?: string;
  }
  interface Session {
    securityStamp?: string;
    sessionId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    stamp?: string;
    sid?: string;
  }
}
