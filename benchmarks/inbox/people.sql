-- The 200,000 people who write to the benchmark's help desk, as a temporary table g_customer (no, first, last, name,
-- email), for generate.sql (requester names and addresses of the conversations) and customers.sql (the customers
-- behind them). Included by both with \ir; deterministic (no random()), so both see the same people.
-- Names repeat (100 first names x 100 surnames), as they do; addresses never do.
create temp table g_customer on commit drop as
select no, f as first, l as last, f || ' ' || l as name,
       lower(f) || '.' || lower(l) || case when no >= 10000 then (no / 10000)::text else '' end || '@'
           || (array['example.com','mail.example','example.org','post.example','example.net','inbox.example',
                     'corp.example','shop.example'])[1 + no % 8] as email
from (select no,
             (array['Anna','Ben','Carla','David','Emma','Finn','Grace','Hugo','Isla','Jack','Kira','Leo','Lily','Max',
                    'Nina','Oscar','Paula','Quinn','Rosa','Sam','Tara','Umar','Vera','Will','Xenia','Yusuf','Zara',
                    'Adam','Bea','Chris','Dana','Eli','Fay','Gil','Hana','Ida','Joel','Kai','Lara','Milo','Nils',
                    'Olga','Petra','Ravi','Sina','Tim','Ulla','Vince','Wanda','Yann','Alice','Boris','Cleo','Dmitri',
                    'Eva','Frank','Gemma','Hiro','Irene','Jorge','Karen','Lars','Mona','Nadia','Otto','Pia','Rita',
                    'Stefan','Tess','Uwe','Valerie','Walter','Yvonne','Zeynep','Agnes','Bruno','Cyril','Dora',
                    'Erik','Flora','Georg','Helga','Igor','Jana','Klaus','Lotte','Marta','Nico','Olivia','Peter',
                    'Rhea','Simon','Tina','Vlad','Wiebke','Xavier','Yara','Zoltan','Aylin','Björn'])[1 + no % 100] as f,
             (array['Smith','Müller','Brown','Martin','Lopez','Kim','Nguyen','Schmidt','Taylor','Wilson','Moore',
                    'Clark','Lewis','Young','Walker','Hall','Allen','King','Wright','Scott','Green','Baker','Adams',
                    'Nelson','Hill','Campbell','Mitchell','Roberts','Carter','Phillips','Evans','Turner','Torres',
                    'Parker','Collins','Edwards','Stewart','Flores','Morris','Murphy','Cook','Rogers','Morgan','Cooper',
                    'Peterson','Bailey','Reed','Kelly','Howard','Cox','Ward','Richardson','Watson','Brooks','Wood',
                    'James','Bennett','Gray','Hughes','Price','Sanders','Myers','Long','Ross','Foster','Powell',
                    'Jenkins','Perry','Russell','Sullivan','Bell','Coleman','Butler','Henderson','Barnes','Fisher',
                    'Vasquez','Simmons','Graham','Marshall','Owens','Harrison','Gibson','Wallace','Reyes','Ellis',
                    'Hamilton','Hayes','Ford','Jordan','Meier','Becker','Wolf','Schulz','Krause','Lange','Lehmann',
                    'Köhler','Frank','Berger'])[1 + (no / 100) % 100] as l
      from generate_series(0, 199999) no) n;
alter table g_customer add primary key (no);
