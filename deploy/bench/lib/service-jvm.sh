# The JVM options deploy/up starts every service with (deploy/stack, Services.launch), for the bench scripts that
# start a service themselves. deploy/images/Dockerfile.jvm sets the same in JAVA_OPTS.
# The gateway runs with both compilers, the other services with C1 only.
gateway_jvm=(-Xms64m -Xmx256m -XX:+UseSerialGC -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -XX:MetaspaceSize=64m)
service_jvm=("${gateway_jvm[@]}" -XX:TieredStopAtLevel=1)
