-- Why a conversation went to an agent on arrival ("Routed to Maria, who has helped Paul 6 times").
alter table conversation add column routing_note varchar(300);
