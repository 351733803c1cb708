package org.alliance.app.system;

import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user as controllers see it ({@code @AuthenticationPrincipal CurrentUser user}). */
public record CurrentUser(
        long id,
        long organisationId,
        @Nullable Long teamId,
        String username,
        String displayName,
        Role role,
        String passwordHash,
        boolean enabled)
        implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        // Never print the password hash in logs.
        return "CurrentUser[" + username + ", " + role + "]";
    }
}
