#!/bin/bash
# Creates the platform's topics on the single broker of compose.yaml (the broker creates none by itself): the three
# event topics with 6 partitions, the two dead-letter topics with 1, all kept for ever. Safe to run again.
set -euo pipefail

create() {
    /opt/kafka/bin/kafka-topics.sh --bootstrap-server kafka:29092 --create --if-not-exists \
        --topic "$1" --partitions "$2" --replication-factor 1 --config retention.ms=-1
}

create registry.events 6
create migration.events 6
create assessment.events 6
create migration-service.dlq 1
create assessment-service.dlq 1
