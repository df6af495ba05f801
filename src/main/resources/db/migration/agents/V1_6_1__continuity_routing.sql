-- Per team: offer a known customer's new conversation first to the agent who knows them (on by default).
alter table team add column continuity_routing boolean default true not null;
