# The JVM options deploy/up starts every service with (deploy/stack, Services.launch), for the bench scripts that
# start a service themselves. deploy/images/Dockerfile.jvm sets the same in JAVA_OPTS.
service_jvm=(-Xms64m -Xmx256m -XX:+UseSerialGC -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -XX:MetaspaceSize=64m
    -XX:TieredStopAtLevel=1)
