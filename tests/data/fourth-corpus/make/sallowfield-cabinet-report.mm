.\" Sallowfield County Council, Cabinet report on the national youth strategy.
.\" Set by groff's mm macros with tbl, written as PDF by gropdf:
.\"   sh make_sallowfield_report.sh ../youth-services
.PH "'Sallowfield County Council''Cabinet, 20 April 2027'"
.PF "''Page \\\\nP''"
.S 11
.ce 3
\fBSALLOWFIELD COUNTY COUNCIL\fP
.sp
\fBReport to Cabinet, 20 April 2027\fP
.sp
.TS
box;
l l.
Title	Somewhere to Go: the national youth strategy and the County's youth offer
Report of	Executive Director of Children's Services
Cabinet Member	Councillor Priya Raman, Cabinet Member for Children and Young People
Key decision	Yes
Wards affected	All
.TE
.sp
.H 1 "Purpose of the report"
.P
1.1 This report sets out what the Government's national youth strategy, published in March 2027, means for Sallowfield, and asks Cabinet to agree how the County will use the money that comes with it.
.H 1 "Recommendations"
.P
2.1 That Cabinet:
.AL a
.LI
note the County's provisional allocation of \[Po]2.1 million a year from the Government's new money for youth workers;
.LI
agree that the Council will recruit 18 detached youth workers by January 2028;
.LI
agree that the Council will bid for \[Po]1.6 million from the national capital money for youth centres to rebuild the Eastgate Youth Centre;
.LI
agree that the Council will set up a Sallowfield Youth Council of 40 young people by December 2027;
.LI
note that officers will respond to the consultation on the revised guidance on what councils must provide for young people.
.LE
.H 1 "Background"
.P
3.1 In March 2027 the Department for Culture, Media and Sport published Somewhere to Go, the first national youth strategy for more than a decade. It makes seven commitments backed by \[Po]632 million over three years.
.P
3.2 The County's youth service has shrunk with its budget. In 2010 the Council ran 23 youth centres; today it runs six, and its spending on youth work has fallen from \[Po]7.4 million to \[Po]2.3 million a year.
.H 1 "Money for youth workers"
.P
4.1 The largest recurring part of the strategy is a grant for staff rather than buildings. Every upper-tier council will receive a share of \[Po]85 million a year for three years, starting in April 2027, to employ qualified youth workers.
.P
4.2 The County's provisional share is \[Po]2.1 million a year. This money cannot be spent on buildings, and the Council must publish each year how it has been used. Officers propose to spend most of it on detached youth work in the towns where anti-social behaviour among young people has risen, and the rest on the six remaining centres.
.P
4.3 The Council will recruit 18 detached youth workers by January 2028, working in teams of three in the six towns with no open youth centre.
.H 1 "Youth centres"
.P
5.1 Councils, charities and community groups can bid for a share of the Government's three-year capital money to build and refurbish youth centres. Grants range from \[Po]100,000 to \[Po]2 million, and the first round opens in June 2027.
.P
5.2 Officers propose to bid for \[Po]1.6 million to rebuild the Eastgate Youth Centre, which closed in 2023 when its roof failed. Eastgate is in the most deprived fifth of the country and has no other youth centre within two miles, so it meets the fund's priority test.
.P
5.3 The Council's \[Po]12 million programme to refurbish its leisure centres at Kirkby and Sallowfield, agreed by Cabinet in January 2027, is a separate matter and is not affected by this report.
.H 1 "Training youth workers"
.P
6.1 The County cannot fill the posts it already has: eleven of its 40 youth work posts are vacant. The national bursaries for students training as youth workers will help. Each student will now receive \[Po]7,500 a year, up from \[Po]5,000, if they agree to work in youth services for two years after they qualify.
.P
6.2 The Council will offer a paid placement to every bursary student at the University of Sallowfield from September 2027.
.H 1 "Uniformed groups and summer trips"
.P
7.1 The strategy also provides \[Po]30 million through the Uniformed Youth Fund to create 20,000 new places in Scouts, Guides and cadet groups. Uniformed groups in Sallowfield have waiting lists of more than 600 young people.
.P
7.2 The free summer residential trips will be open to young people who receive free school meals. Officers will work with the County's two outdoor education centres to offer places in the summer of 2027.
.H 1 "What councils must provide"
.P
8.1 The Government will consult in the autumn of 2027 on new guidance on councils' duty to provide youth services, and will publish it by March 2028. Officers will respond to the consultation.
.P
8.2 Separately, the Council will publish its new play and leisure strategy by March 2028, after consulting residents on its parks and play areas.
.H 1 "Financial implications"
.P
9.1 The table below shows the money the County expects to receive.
.sp
.TS
box;
l r r r.
Item	2027/28	2028/29	2029/30
National grant for youth workers	\[Po]2.1m	\[Po]2.1m	\[Po]2.1m
Eastgate Youth Centre (bid)	\[Po]0.4m	\[Po]1.2m	\-
.TE
.P
9.2 There is no cost to the Council's own budget. If the Eastgate bid fails, officers will report to Cabinet on other options.
.H 1 "Background papers"
.P
Somewhere to Go: The National Youth Strategy for England, 2027 to 2030, Department for Culture, Media and Sport, March 2027.
