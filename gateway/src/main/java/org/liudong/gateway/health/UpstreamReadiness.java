package org.liudong.gateway.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.liudong.gateway.proxy.Upstream;
import org.liudong.gateway.proxy.Upstreams;

import java.time.Duration;
import java.util.List;

/** The gateway is ready when every service behind it says it is ready ({@code /q/health/ready}). */
@Readiness
@ApplicationScoped
public class UpstreamReadiness implements AsyncHealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Upstreams upstreams;

    UpstreamReadiness(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Uni<ServiceState>> checks = upstreams.all().stream().map(this::check).toList();
        return Uni.join().all(checks).andFailFast().map(states -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named("upstreams").up();
            for (ServiceState state : states) {
                response.withData(state.service(), state.state());
                if (!state.ready()) {
                    response.down();
                }
            }
            return response.build();
        });
    }

    private Uni<ServiceState> check(Upstream upstream) {
        return UniHelper.toUni(upstreams.get(upstream, "/q/health/ready", TIMEOUT))
                .map(answer -> answer.status() == 200
                        ? new ServiceState(upstream.service(), true, "UP")
                        : new ServiceState(upstream.service(), false, "DOWN (HTTP " + answer.status() + ")"))
                .onFailure().recoverWithItem(failure ->
                        new ServiceState(upstream.service(), false, "DOWN (unreachable at " + upstream.url() + ")"));
    }

    private record ServiceState(String service, boolean ready, String state) {
    }
}
